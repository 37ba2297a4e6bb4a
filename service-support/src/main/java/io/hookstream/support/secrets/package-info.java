/** Sealing connection data at rest (AES-GCM) and its key configuration. */
@NullMarked
package io.hookstream.support.secrets;

import org.jspecify.annotations.NullMarked;
