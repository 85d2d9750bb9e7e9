/**
 * FX-thread gateway and background work shared by every workspace.
 */
package app.descent.ui.fx;
