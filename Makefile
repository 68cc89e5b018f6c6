# Segue: `make demo` sets everything up and runs the demo; `make test` runs the tests.
export PATH := /opt/swift/usr/bin:$(PATH)
DEMO_DIR ?= segue-demo

.PHONY: demo test build deps clean

deps:
	bash scripts/install-system-packages.sh

build: deps
	swift build -c release

demo: build
	.build/release/segue demo --dir $(DEMO_DIR)

test: deps
	bash scripts/install-test-tools.sh
	SEGUE_PYTHON=$(CURDIR)/.venv-tools/bin/python swift test

clean:
	rm -rf .build $(DEMO_DIR)
