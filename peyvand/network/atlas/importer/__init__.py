"""The world import: countries, cities and the public sister-city network from CSV.

Two halves. Pure functions read and validate the files (`parse.load_world`) and return every
problem with its file and line; nothing is written then. One service (`upsert.world_import`)
upserts the validated data in a single transaction: rows that did not change are left
alone (a second run reports "0 changed"), rows missing from the data are listed and
deleted only with `prune`, and never while something (an office's home city, ...) still
refers to them.

File layout and meaning: data/world/README.md.
"""
