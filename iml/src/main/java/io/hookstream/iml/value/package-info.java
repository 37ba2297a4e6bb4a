/** Runtime values of IML, their text and JSON forms, and the coercion and comparison rules. */
@NullMarked
package io.hookstream.iml.value;

import org.jspecify.annotations.NullMarked;
