"""Qt item models over plain domain data (rows in, rows out; no database access)."""
