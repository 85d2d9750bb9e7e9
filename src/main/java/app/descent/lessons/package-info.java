/**
 * Lessons: Markdown files with YAML front matter whose steps set up a workspace (descent-action blocks) and ask
 * checked questions (descent-check blocks). This package parses and checks them; running an action is the job of an
 * {@link app.descent.lessons.ActionRunner} supplied from outside (the command line runs the same engines as its
 * commands). Core: no JavaFX, no DJL, no printing.
 */
package app.descent.lessons;
