/** Text and binary functions, including hashing and encodings. */
@NullMarked
package io.hookstream.iml.func.text;

import org.jspecify.annotations.NullMarked;
