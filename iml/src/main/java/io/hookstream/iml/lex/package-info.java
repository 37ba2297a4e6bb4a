/** Tokens of the IML expression language and the lexer that produces them. */
@NullMarked
package io.hookstream.iml.lex;

import org.jspecify.annotations.NullMarked;
