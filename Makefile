# The two commands: `make run` and `make test`. Both install what is missing first and build
# the web console (web/ → web/dist, embedded into the binary); `run` then builds the binary
# alone, `test` everything (binary, tests, benchmarks).
# `make fuzz` builds the libFuzzer targets with clang in build-fuzz/ and runs each for
# FUZZ_SECONDS (fuzz/README.md); `make bench` runs the benchmarks (bench/README.md).
BUILD_DIR ?= build
DB ?= var/shanhai.db
LISTEN ?= 127.0.0.1:8080
SHANHAI = $(BUILD_DIR)/shanhai

.PHONY: deps configure build build-all db run test bench fuzz clean

deps:
	@scripts/setup.sh

configure: deps
	@npm --prefix web run build --silent
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

# The binary alone (what `run` serves); `build-all` adds the tests and benchmarks `test` runs.
build: configure
	@cmake --build $(BUILD_DIR) --target shanhai

build-all: configure
	@cmake --build $(BUILD_DIR)

# Set up DB (a file or a postgresql:// URL) with the built binary: the first time it creates the
# schema, the admin account (its password printed once) and the demo data; later it migrates the
# schema and keeps the data — the binary tells the two apart, so the demo never loads twice.
db:
	@$(SHANHAI) init --db '$(DB)' --demo

run: build
	@$(MAKE) --no-print-directory db
	$(SHANHAI) serve --db '$(DB)' --listen $(LISTEN)

test: build-all
	@scripts/run-tests.sh

# The bench's own tools (wrk, curl, exceljs in bench/node) are installed by setup.sh --bench.
bench:
	@scripts/setup.sh --bench
	@$(MAKE) --no-print-directory build-all
	@bench/run.sh

fuzz:
	@scripts/setup.sh --fuzz
	@scripts/fuzz.sh

clean:
	rm -rf $(BUILD_DIR)
