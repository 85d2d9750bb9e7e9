/**
 * The main window: workspace rail, theme, presentation mode, status bar, About.
 */
package app.descent.ui.shell;
