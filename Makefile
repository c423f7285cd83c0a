# The two commands: `make run` and `make test`. Both install what is missing first,
# build the web console (web/ → web/dist, embedded into the binary) and the binary.
# `make fuzz` builds the libFuzzer targets with clang in build-fuzz/ and runs each for
# FUZZ_SECONDS (fuzz/README.md); `make bench` runs the benchmarks (bench/README.md).
BUILD_DIR ?= build
DB ?= var/shanhai.db
LISTEN ?= 127.0.0.1:8080
SHANHAI = $(BUILD_DIR)/shanhai

.PHONY: deps build run test bench fuzz clean

deps:
	@scripts/setup.sh

build: deps
	@npm --prefix web run build --silent
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD_DIR)

# First run: create the database with the demo data (the admin password is printed once).
run: build
	@if [ ! -f $(DB) ]; then $(SHANHAI) init --db $(DB) && $(SHANHAI) demo --db $(DB); fi
	$(SHANHAI) serve --db $(DB) --listen $(LISTEN)

test: build
	@scripts/run-tests.sh

# The bench's own tools (wrk, curl, exceljs in bench/node) are installed by setup.sh --bench.
bench:
	@scripts/setup.sh --bench
	@$(MAKE) --no-print-directory build
	@bench/run.sh

fuzz:
	@scripts/setup.sh --fuzz
	@scripts/fuzz.sh

clean:
	rm -rf $(BUILD_DIR)
