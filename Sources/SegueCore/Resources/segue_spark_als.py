"""Segue: Spark MLlib implicit ALS on an interactions CSV (written by `segue train --engine spark`)."""
import argparse, os, sys, time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--rank", type=int, required=True)
    parser.add_argument("--regularization", type=float, required=True)
    parser.add_argument("--alpha", type=float, required=True)
    parser.add_argument("--iterations", type=int, required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--master", default="local[*]")
    parser.add_argument("--driver-memory", default="2g")
    args = parser.parse_args()
    from pyspark.sql import SparkSession
    from pyspark.ml.recommendation import ALS
    spark = (SparkSession.builder.master(args.master).appName("segue-als")
             .config("spark.driver.memory", args.driver_memory).config("spark.ui.enabled", "false")
             .config("spark.sql.shuffle.partitions", "8").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    print("spark: session started on " + args.master, file=sys.stderr, flush=True)
    frame = spark.read.csv(args.input, header=True, schema="user INT, item INT, count FLOAT")
    started = time.time()
    als = ALS(rank=args.rank, maxIter=args.iterations, regParam=args.regularization, alpha=args.alpha, implicitPrefs=True,
              userCol="user", itemCol="item", ratingCol="count", seed=args.seed, nonnegative=False,
              checkpointInterval=-1)
    model = als.fit(frame)
    rows = model.itemFactors.orderBy("id").collect()
    seconds = time.time() - started
    path = os.path.join(args.output, "item_factors.csv")
    with open(path + ".part", "w") as handle:
        for row in rows:
            handle.write(str(row.id) + "," + ",".join(repr(float(value)) for value in row.features) + "\n")
    os.replace(path + ".part", path)
    print("fit_seconds=%f" % seconds, flush=True)
    spark.stop()


if __name__ == "__main__":
    sys.exit(main())
