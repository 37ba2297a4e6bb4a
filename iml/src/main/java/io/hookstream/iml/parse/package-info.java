/** The recursive-descent parser that turns IML strings into the AST. */
@NullMarked
package io.hookstream.iml.parse;

import org.jspecify.annotations.NullMarked;
