/** The IML abstract syntax tree: immutable records, free of evaluation code. */
@NullMarked
package io.hookstream.iml.ast;

import org.jspecify.annotations.NullMarked;
