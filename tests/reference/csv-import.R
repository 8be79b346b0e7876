# Expected columns for tests/core/test-csv.c: R writes public datasets the way spreadsheets
# export them (plain CSV with "NA", European CSV with ";" and decimal commas and empty
# missing cells, ISO and slash dates) and prints what each column must hold once imported.
# Run from the source root:
#   Rscript tests/reference/csv-import.R > tests/reference/csv-import.csv
suppressPackageStartupMessages(library(survival))

dir <- "tests/data/csv"
write.csv(lung, file.path(dir, "lung.csv"), row.names = FALSE)
write.csv2(lung, file.path(dir, "lung-eu.csv"), row.names = FALSE, na = "")
write.table(veteran, file.path(dir, "veteran.tsv"), sep = "\t", row.names = FALSE, quote = FALSE)

a <- aml
a$start <- as.Date("2019-12-20") + seq_len(nrow(a)) * 7
a$stop <- a$start + a$time
aml_out <- data.frame(time = a$time, status = a$status, x = a$x,
                      start = format(a$start, "%Y-%m-%d"),
                      stop = format(a$stop, "%Y/%m/%d"))
# write.table leaves the row-name column out of the header line.
write.table(aml, file.path(dir, "aml-rownames.tsv"), sep = "\t", quote = FALSE)

dnase <- data.frame(Run = factor(as.character(DNase$Run)), conc = DNase$conc,
                    density = DNase$density)
write.csv2(dnase, file.path(dir, "dnase-eu.csv"), row.names = FALSE)

write.csv(aml_out, file.path(dir, "aml-dates.csv"), row.names = FALSE)

# Levels in the importer's order: numbers by value, the rest in byte order (none of these
# mixes digits and letters).
describe <- function(file, d) {
  for (name in names(d)) {
    x <- d[[name]]
    if (is.factor(x)) {
      type <- "categorical"
      lv <- levels(x)
      numeric_levels <- suppressWarnings(as.numeric(lv))
      lv <- if (all(!is.na(numeric_levels))) lv[order(numeric_levels)] else sort(lv, method = "radix")
      levels <- paste(lv, collapse = "|")
      total <- NA
    } else if (inherits(x, "Date")) {
      type <- "date"
      levels <- ""
      total <- sum(as.numeric(x), na.rm = TRUE)
    } else {
      type <- "numeric"
      levels <- ""
      total <- sum(x, na.rm = TRUE)
    }
    cat(sprintf("%s,%s,%s,%d,%.17g,%s\n", file, name, type, sum(is.na(x)), total, levels))
  }
}

cat("file,column,type,n_missing,sum,levels\n")
describe("lung.csv", lung)
describe("lung-eu.csv", lung)
describe("veteran.tsv", veteran)
describe("aml-rownames.tsv", aml)
describe("dnase-eu.csv", dnase)
describe("aml-dates.csv", data.frame(time = a$time, status = a$status, x = a$x,
                                     start = a$start, stop = a$stop))
