/** How the ingress stops taking requests before it stops answering them. */
@NullMarked
package io.hookstream.ingress.shutdown;

import org.jspecify.annotations.NullMarked;
