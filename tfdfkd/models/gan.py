"""DCGAN generator and discriminator (Radford et al. 2015) for square images, as DeGAN uses them.

DeGAN (Addepalli et al., AAAI 2020, sec. 4.2 and 5.1) takes its GAN from Singh's PyTorch DCGAN
for 32x32 images: latent z (100 dims, standard normal) -> 4x4 transposed convolution with
8 * width filters -> stride-2 transposed convolutions halving the filters (4w at 8x8, 2w at 16x16)
-> the image; batch normalisation and ReLU between, tanh at the end; width = 64. The
discriminator mirrors it: stride-2 4x4 convolutions with w, 2w, 4w filters and LeakyReLU(0.2),
batch normalisation after all but the first, and a 4x4 valid convolution to one logit. Weights
start from N(0, 0.02), batch-norm scales from N(1, 0.02) (DCGAN sec. 4).

Our teachers take pixels in [0, 1], so the generator's tanh output is mapped to [0, 1] inside
the model, and the discriminator maps its [0, 1] input back to [-1, 1] first. Other powers of
two (8, 16, 64, ...) add or drop stride-2 stages.
"""

from __future__ import annotations

import math

import keras

from tfdfkd.errors import TfdfkdError

LATENT_DIM = 100  # DCGAN's nz
WIDTH = 64  # DCGAN's ngf = ndf
BN_MOMENTUM = 0.9  # PyTorch's BatchNorm2d momentum 0.1 in Keras's convention (Keras defaults to 0.99)


def stages_for(input_shape) -> int:
    """The number of stride-2 stages between 4x4 and `input_shape` (H, W, C); TfdfkdError for shapes the DCGAN cannot make."""
    height, width, _ = input_shape
    stages = round(math.log2(height)) - 2 if height == width and height >= 8 else -1
    if stages < 1 or 2 ** (stages + 2) != height:
        raise TfdfkdError(f"the DCGAN generator makes square images whose side is a power of two (8, 16, 32, ...), "
                          f"the teacher takes {height}x{width}", "use a teacher with 32x32 inputs, like the zoo's")
    return stages


def _init(seed):
    return keras.initializers.RandomNormal(0.0, 0.02, seed=seed)


def _batch_norm(name, seed):
    return keras.layers.BatchNormalization(momentum=BN_MOMENTUM, epsilon=1e-5, gamma_initializer=keras.initializers.RandomNormal(1.0, 0.02, seed=seed),
                                           name=name)


def dcgan_generator(input_shape=(32, 32, 1), latent_dim: int = LATENT_DIM, width: int = WIDTH, seed: int = 0) -> keras.Model:
    """z (N, latent_dim) -> images (N, H, W, C) in [0, 1]; 3,446,272 parameters at 32x32x1, width 64."""
    stages = stages_for(input_shape)
    z = keras.Input((latent_dim,), name="z")
    x = keras.layers.Reshape((1, 1, latent_dim))(z)
    filters = width * 2 ** stages
    x = keras.layers.Conv2DTranspose(filters, 4, padding="valid", use_bias=False, kernel_initializer=_init(seed), name="project")(x)
    x = keras.layers.ReLU()(_batch_norm("project_bn", seed + 1)(x))
    for i in range(1, stages):
        filters //= 2
        x = keras.layers.Conv2DTranspose(filters, 4, strides=2, padding="same", use_bias=False, kernel_initializer=_init(seed + 2 * i),
                                         name=f"up{i}")(x)
        x = keras.layers.ReLU()(_batch_norm(f"up{i}_bn", seed + 2 * i + 1)(x))
    x = keras.layers.Conv2DTranspose(input_shape[-1], 4, strides=2, padding="same", use_bias=False, kernel_initializer=_init(seed + 2 * stages),
                                     activation="tanh", name="to_image")(x)
    images = keras.layers.Rescaling(0.5, offset=0.5, name="to_unit_range")(x)  # tanh's [-1, 1] -> the teacher's [0, 1]
    return keras.Model(z, images, name="dcgan_generator")


def dcgan_discriminator(input_shape=(32, 32, 1), width: int = WIDTH, seed: int = 0) -> keras.Model:
    """Images (N, H, W, C) in [0, 1] -> (N,) logits of "comes from the proxy data"; 662,016 parameters at 32x32x1, width 64."""
    stages = stages_for(input_shape)
    images = keras.Input(tuple(input_shape), name="image")
    x = keras.layers.Rescaling(2.0, offset=-1.0, name="to_tanh_range")(images)
    for i in range(stages):
        x = keras.layers.Conv2D(width * 2 ** i, 4, strides=2, padding="same", use_bias=False, kernel_initializer=_init(seed + 2 * i),
                                name=f"down{i}")(x)
        if i:
            x = _batch_norm(f"down{i}_bn", seed + 2 * i + 1)(x)
        x = keras.layers.LeakyReLU(0.2)(x)
    x = keras.layers.Conv2D(1, 4, padding="valid", use_bias=False, kernel_initializer=_init(seed + 2 * stages), name="logit")(x)
    return keras.Model(images, keras.layers.Flatten()(x)[:, 0], name="dcgan_discriminator")
