/** Edge limits: request rates per hook. */
@NullMarked
package io.hookstream.ingress.limits;

import org.jspecify.annotations.NullMarked;
