/** Closure compilation of the AST into evaluator objects, and the per-evaluation frame. */
@NullMarked
package io.hookstream.iml.eval;

import org.jspecify.annotations.NullMarked;
