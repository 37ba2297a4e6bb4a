/** The IML conformance runner: reads case files, runs each case by kind and reports the results. */
@NullMarked
package io.hookstream.cli.conformance;

import org.jspecify.annotations.NullMarked;
