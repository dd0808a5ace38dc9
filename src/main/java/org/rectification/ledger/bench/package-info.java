/**
 * The benchmark behind {@code ledger bench}: one seeded corpus, then the floor (EasyExcel with a listener that
 * does nothing), the naive way (POI usermodel, cell by cell) and the product's nightly run, each measured in its
 * own child JVM ({@link org.rectification.ledger.bench.ProbeMain}) for wall time, peak heap and peak RSS, and
 * summarised as medians in a Markdown table. This package and the child's floor read are the only code besides
 * the sheet adapter that touches EasyExcel directly: the floor is by definition the library itself.
 * The corpus is written by {@link org.rectification.ledger.bench.BenchmarkCorpusGenerator} through
 * {@link org.rectification.ledger.bench.SheetLayoutWriter}, which the tests' sample county also uses.
 */
package org.rectification.ledger.bench;
