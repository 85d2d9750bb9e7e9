/** The Learn workspace: the lessons by course part, and the lesson panel docked beside the workspace it drives. */
package app.descent.ui.learn;
