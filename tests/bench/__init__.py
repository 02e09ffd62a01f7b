"""Benchmarks: run by hand or from `make bench`; they measure and print, never assert."""
