/** Reading fixed offset ranges of topics without joining or disturbing any consumer group. */
@NullMarked
package io.hookstream.operations.scan;

import org.jspecify.annotations.NullMarked;
