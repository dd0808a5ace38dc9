/**
 * The sample corpus: code that writes the committed sample county ({@code sample-sheets/}, the project's
 * main test corpus, as messy as real departments' sheets) and large seeded benchmark corpora.
 * {@link org.rectification.ledger.sample.SampleCountyGenerator} and
 * {@link org.rectification.ledger.sample.BenchmarkCorpusGenerator} share one sheet layout writer, so
 * both produce the same kinds of workbooks; every byte they write is deterministic.
 */
package org.rectification.ledger.sample;
