/**
 * Command line (picocli): the only code that writes to standard output or error. Each command turns a user mistake into one line on stderr and exit code 2.
 */
package app.descent.cli;
