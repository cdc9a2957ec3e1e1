#!/usr/bin/env bash
# Benchmark 3 (incremental rebuild after a one-file change): to be written by the engine author.
echo "benchmark 3 (incremental): not implemented yet"
