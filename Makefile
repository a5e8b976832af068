# Makefile — the README's two commands:
#   make run    set up, build, and start the server with demo data
#   make test   set up, build, and run every test through CTest
BUILD ?= build
PORT ?= 8080
DB ?= var/cpi.db
JOBS ?= $(shell nproc)

.PHONY: run test setup build web clean bench

setup:
	@bash scripts/setup.sh

build: setup
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

web: setup
	@cd web && npm run --silent build

run: build web
	@mkdir -p var
	@$(BUILD)/cpi serve --demo --port $(PORT) --db $(DB) --web-root web/dist

test: build web
	@cd $(BUILD) && ctest --output-on-failure -j 2 --timeout 900

bench: build web
	@bash bench/run.sh

clean:
	rm -rf $(BUILD) web/dist
