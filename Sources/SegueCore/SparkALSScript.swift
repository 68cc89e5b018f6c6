/// The Python program `segue train --engine spark` runs: Spark MLlib's implicit ALS through
/// pyspark on a CSV of `user,item,count` (integer ids), writing the item factors as
/// `id,f1,…,fK` rows and its fit time as a last `fit_seconds=` line on standard output. The
/// program is the file `Sources/SegueCore/Resources/segue_spark_als.py`, compiled into the binary
/// (`.embedInCode`); the Spark engine writes it into its scratch folder before running it.
enum SparkALSScript {
    /// The file name it is written under.
    static let fileName = "segue_spark_als.py"

    /// The program's text.
    static let source = String(decoding: PackageResources.segue_spark_als_py, as: UTF8.self)
}
