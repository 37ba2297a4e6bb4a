/** Hookstream in one process: the embedded broker, the three services and the example apps. */
package io.hookstream.devstack;
