#!/usr/bin/env python3
# Writes a wide synthetic cohort table for the import benchmark: 20 columns shaped like a
# clinical export (identifier, groups, dates, 0/1 outcomes, counts, measurements with a few
# missing cells).  Fixed seed, so every run measures the same bytes.
#
# Usage: bench/gen-wide.py ROWS OUTPUT.csv
import random
import sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
out = sys.argv[2] if len(sys.argv) > 2 else "bench/out/wide.csv"
rng = random.Random(20261123)

arms = ["vehicle", "alectinib", "ixazomib", "combination"]
sites = ["site %d" % i for i in range(1, 31)]
header = ["patient", "arm", "sex", "site", "diagnosed", "status", "pfs_months", "os_months",
          "age", "ecog", "karno", "weight", "tp53", "alk_variant", "dose", "cea", "ldh",
          "albumin", "crp", "tmb"]

with open(out, "w", newline="") as f:
    f.write(",".join(header) + "\n")
    write = f.write
    for i in range(rows):
        r = rng.random
        year = 2010 + int(r() * 12)
        cells = [
            "P%07d" % (i + 1),
            arms[int(r() * 4)],
            "M" if r() < 0.55 else "F",
            sites[int(r() * 30)],
            "%04d-%02d-%02d" % (year, 1 + int(r() * 12), 1 + int(r() * 28)),
            "1" if r() < 0.6 else "0",
            "%.1f" % (r() * 60),
            "%.2f" % (r() * 120),
            str(30 + int(r() * 55)),
            str(int(r() * 4)),
            str(10 * (4 + int(r() * 7))),
            "NA" if r() < 0.05 else "%.1f" % (40 + r() * 60),
            "1" if r() < 0.25 else "0",
            "v%d" % (1 + int(r() * 3)),
            "%.0f" % (300 * (1 + int(r() * 2))),
            "" if r() < 0.1 else "%.3f" % (r() * 50),
            "%.6g" % (100 + r() * 900),
            "%.2f" % (2.5 + r() * 2.5),
            "%.3e" % (r() * 10),
            "%.4f" % (r() * 40),
        ]
        write(",".join(cells) + "\n")
