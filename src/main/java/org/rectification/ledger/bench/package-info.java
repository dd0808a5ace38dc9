/**
 * The benchmark behind {@code ledger bench}: one seeded corpus, then the read floor (EasyExcel with a listener that
 * does nothing), the work floor (the same reads and as many rows written as the product writes, with no logic), the
 * naive way (POI usermodel, cell by cell) and the product's nightly run, each measured in its own child JVM
 * ({@link org.rectification.ledger.bench.ProbeMain}, flat class path, the product's JVM options) for wall and CPU
 * time, peak heap and peak RSS, and summarised as medians in a Markdown table. This package and the sheet adapter
 * are the only code that touches EasyExcel directly: the floors are by definition the library itself.
 * The corpus is written by {@link org.rectification.ledger.bench.BenchmarkCorpusGenerator} through
 * {@link org.rectification.ledger.bench.SheetLayoutWriter}, which the tests' sample county also uses.
 */
package org.rectification.ledger.bench;
