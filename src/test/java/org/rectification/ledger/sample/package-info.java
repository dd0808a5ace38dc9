/**
 * The sample county, test code only: the model of its ten departments and two months of submissions
 * ({@link org.rectification.ledger.sample.SampleCounty}), the generator that writes the committed
 * {@code sample-sheets/} folder, and the expected ledger and MANIFEST.md worked out from it. The workbooks
 * are written by the benchmark's sheet layout writer ({@code bench/SheetLayoutWriter}), the one part the
 * shipped jar needs, so sample and benchmark sheets are made the same way.
 */
package org.rectification.ledger.sample;
