/** Hookstream's topics: their configurable names and their typed descriptions with serdes. */
@NullMarked
package io.hookstream.schemas.topic;

import org.jspecify.annotations.NullMarked;
