/** Math and statistics functions over decimal numbers. */
@NullMarked
package io.hookstream.iml.func.math;

import org.jspecify.annotations.NullMarked;
