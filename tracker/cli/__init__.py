"""`tracker` command line: main() in main.py, one module per group of subcommands."""
