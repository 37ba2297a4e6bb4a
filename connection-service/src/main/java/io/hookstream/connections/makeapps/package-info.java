/** The import of Make Apps SDK projects: a zipped project in, a registered app out. */
@NullMarked
package io.hookstream.connections.makeapps;

import org.jspecify.annotations.NullMarked;
