package app.descent.network;

import java.util.List;

/**
 * Receptive field of one output position of a conv/pool stack, in input pixels, with the jump (distance in input
 * pixels between neighbouring output positions). Computed per spatial axis (height, width):
 * {@code r_out = r_in + (k - 1) * dilation * j_in}, {@code j_out = j_in * stride}. Padding does not change it.
 * Elementwise layers (activations, batch norm, dropout) keep it; Flatten, Linear, adaptive pooling and recurrent
 * layers end it (null in {@link ShapeInference.LayerResult#receptiveField()}).
 */
public record ReceptiveField(int height, int width, int jumpHeight, int jumpWidth) {

    public static final ReceptiveField PIXEL = new ReceptiveField(1, 1, 1, 1);

    /** The side along the height axis (the usual exam answer for square kernels). */
    public int side() {
        return height;
    }

    /** After a kernel (kh, kw) with stride and dilation per axis. */
    public ReceptiveField then(int[] kernel, int[] stride, int[] dilation) {
        int kh = kernel[0];
        int kw = kernel.length > 1 ? kernel[1] : kernel[0];
        int sh = stride[0];
        int sw = stride.length > 1 ? stride[1] : stride[0];
        int dh = dilation[0];
        int dw = dilation.length > 1 ? dilation[1] : dilation[0];
        return new ReceptiveField(sat(height + (long) (kh - 1) * dh * jumpHeight), sat(width + (long) (kw - 1) * dw * jumpWidth),
                sat((long) jumpHeight * sh), sat((long) jumpWidth * sw));
    }

    /** Elementwise maximum (two paths added together, as in a residual block). */
    public ReceptiveField max(ReceptiveField o) {
        return new ReceptiveField(Math.max(height, o.height), Math.max(width, o.width),
                Math.max(jumpHeight, o.jumpHeight), Math.max(jumpWidth, o.jumpWidth));
    }

    private static int sat(long v) {
        return (int) Math.min(Integer.MAX_VALUE, v);
    }

    /**
     * The receptive field after a stack of layers, without needing an input shape; only conv and pool layers count.
     * Throws if the stack contains a layer that ends the spatial structure (Flatten, Linear, ...).
     */
    public static ReceptiveField of(List<LayerSpec> layers) {
        ReceptiveField rf = PIXEL;
        for (int i = 0; i < layers.size(); i++) {
            rf = ShapeInference.receptiveField(layers.get(i), rf);
            if (rf == null) {
                throw new NetworkException("layer " + i + " " + layers.get(i).type() + " has no receptive field (not a spatial layer)");
            }
        }
        return rf;
    }
}
