package app.descent.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.LayoutType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Conv1d and Conv2d as PyTorch defines them, computed as unfold (im2col) and one matrix product, so that autograd
 * differentiates slices, a stack and a matrix product instead of libtorch's own convolution.
 *
 * <p>Why: libtorch 2.5.1 hands a float convolution of a batch to oneDNN 3.5.3, whose AVX-512 kernel for the gradient
 * of a convolution's <em>input</em> ("backward_data", blocked layout aBcd16b) returns wrong values on AVX-512 CPUs
 * such as the AMD EPYC this was found on, different for 1, 2 and 3 threads and now and then NaN, for instance with
 * 4 input channels, padding 1, 13×13, a batch of 16. Every layer below the second convolution of a CNN then
 * trained on a wrong gradient. The same run with {@code ONEDNN_MAX_CPU_ISA=AVX2} gives PyTorch's gradient at every
 * thread count, but an environment variable cannot be set from inside the JVM, and DJL offers no switch for
 * oneDNN; the forward pass and the weight gradient were right. The parameters keep DJL's Convolution layout
 * (weight (out, in/groups, k…), bias (out)), so checkpoints and PyTorch's state_dict keys are unchanged.
 */
final class UnfoldConvolution extends Convolution {
    private static final LayoutType[] LAYOUT_2D = {LayoutType.BATCH, LayoutType.CHANNEL, LayoutType.HEIGHT,
        LayoutType.WIDTH};
    private static final LayoutType[] LAYOUT_1D = {LayoutType.BATCH, LayoutType.CHANNEL, LayoutType.WIDTH};

    private final int spatial;

    private UnfoldConvolution(Builder builder) {
        super(builder);
        this.spatial = builder.spatial;
    }

    /** @param spatial 1 for Conv1d, 2 for Conv2d */
    static Builder builder(int spatial) {
        return new Builder(spatial);
    }

    static final class Builder extends ConvolutionBuilder<Builder> {
        private final int spatial;

        private Builder(int spatial) {
            this.spatial = spatial;
        }

        @Override
        protected Builder self() {
            return this;
        }

        UnfoldConvolution build() {
            validate();
            return new UnfoldConvolution(this);
        }
    }

    @Override
    protected LayoutType[] getExpectedLayout() {
        return spatial == 2 ? LAYOUT_2D : LAYOUT_1D;
    }

    @Override
    protected String getStringLayout() {
        return spatial == 2 ? "NCHW" : "NCW";
    }

    @Override
    protected int numDimensions() {
        return spatial + 2;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray b = includeBias ? store.getValue(bias, x.getDevice(), training) : null;
        if (spatial == 2) {
            return new NDList(conv2d(x, w, b, stride.get(0), stride.get(1), padding.get(0), padding.get(1),
                    dilation.get(0), dilation.get(1), groups));
        }
        long n = x.getShape().get(0);
        NDArray out = conv2d(x.expandDims(2), w.expandDims(2), b, 1, stride.get(0), 0, padding.get(0), 1,
                dilation.get(0), groups);
        return new NDList(out.reshape(n, out.getShape().get(1), out.getShape().get(3)));
    }

    /**
     * PyTorch's conv2d: x (N, C, H, W), w (O, C/groups, kH, kW), b (O) or null. The input is padded with zeros,
     * each of the kH·kW kernel positions takes one strided slice, and the stacked slices (N, groups, C/groups·kH·kW,
     * outH·outW) are multiplied by the weights (groups, O/groups, C/groups·kH·kW).
     */
    static NDArray conv2d(NDArray x, NDArray w, NDArray b, long sh, long sw, long ph, long pw, long dh, long dw,
                          int groups) {
        Shape xs = x.getShape();
        Shape ws = w.getShape();
        long n = xs.get(0);
        long c = xs.get(1);
        long o = ws.get(0);
        long kh = ws.get(2);
        long kw = ws.get(3);
        long oh = (xs.get(2) + 2 * ph - dh * (kh - 1) - 1) / sh + 1;
        long ow = (xs.get(3) + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
        if (oh < 1 || ow < 1) {
            throw new TrainingException("the convolution's kernel " + kh + "×" + kw + " is larger than its padded input "
                    + (xs.get(2) + 2 * ph) + "×" + (xs.get(3) + 2 * pw));
        }
        // torch's pad list runs from the last dimension: (left, right, top, bottom)
        NDArray padded = ph == 0 && pw == 0 ? x : x.pad(new Shape(pw, pw, ph, ph), 0);
        NDList slices = new NDList((int) (kh * kw));
        for (long i = 0; i < kh; i++) {
            for (long j = 0; j < kw; j++) {
                long top = i * dh;
                long left = j * dw;
                slices.add(padded.get(new NDIndex(":, :, {}:{}:{}, {}:{}:{}", top, top + sh * (oh - 1) + 1, sh, left,
                        left + sw * (ow - 1) + 1, sw)));
            }
        }
        // (N, C, kH·kW, outH, outW): channel-major, kernel position next, as the weight's (C/groups, kH, kW)
        NDArray columns = NDArrays.stack(slices, 2).reshape(n, groups, c / groups * kh * kw, oh * ow);
        NDArray out = w.reshape(groups, o / groups, c / groups * kh * kw).matMul(columns).reshape(n, o, oh, ow);
        return b == null ? out : out.add(b.reshape(1, o, 1, 1));
    }
}
