/**
 * The JavaFX application: the shell window and one package per workspace (View + FXML + ViewModel).
 */
package app.descent.ui;
