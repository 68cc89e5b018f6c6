# Segue: `make demo` sets everything up and runs the demo; `make test` runs the tests.
export PATH := /opt/swift/usr/bin:$(PATH)
DEMO_DIR ?= segue-demo

.PHONY: demo serve test build deps clean

deps:
	bash scripts/install-system-packages.sh

build: deps
	swift build -c release

demo: build
	.build/release/segue demo --dir $(DEMO_DIR)

# The web page and API on http://127.0.0.1:8080/ over the demo library (run `make demo` first, or
# set SEGUE_LIBRARY to your own library).
serve: build
	.build/release/segue serve --library $${SEGUE_LIBRARY:-$(DEMO_DIR)/library.sqlite}

test: deps
	bash scripts/install-test-tools.sh
	SEGUE_PYTHON=$(CURDIR)/.venv-tools/bin/python swift test -Xswiftc -O

clean:
	rm -rf .build $(DEMO_DIR)
