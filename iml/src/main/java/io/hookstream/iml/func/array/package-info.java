/** Array functions. */
@NullMarked
package io.hookstream.iml.func.array;

import org.jspecify.annotations.NullMarked;
