// Downsampling without decoding a whole image: libpng and libjpeg hand over one row at a time, and each row is added
// into running sums for the output row it falls in (a box filter), so memory is a source row plus an output image,
// whatever the size the file declares. Both libraries report errors by longjmp, which Swift cannot catch; that is why
// this is C. Decoding is the libraries' own; only the averaging is done here.
#include "image_scale.h"
#include <setjmp.h>
#include <stdio.h>  // before jpeglib.h, which uses FILE without including it
#include <jpeglib.h>
#include <png.h>
#include <stdlib.h>
#include <string.h>

// Running sums of premultiplied RGBA for one output row.
typedef struct {
    uint32_t source_width, source_height;
    int out_width, out_height, out_stride;
    uint8_t *out;
    uint32_t *column_of;     // output column of each source column
    uint32_t *column_count;  // source columns in each output column
    uint64_t *sums;          // out_width × 4
    int row;                 // output row being summed, -1 before the first
    uint32_t rows_in;        // source rows summed into it
} averager;

static void set_message(char *message, size_t size, const char *text) {
    if (message && size) snprintf(message, size, "%s", text);
}

static int averager_start(averager *a, uint32_t source_width, uint32_t source_height, uint8_t *out, int out_width,
                          int out_height, int out_stride) {
    memset(a, 0, sizeof *a);
    if (out_width < 1 || out_height < 1 || (uint32_t)out_width > source_width || (uint32_t)out_height > source_height) return 0;
    a->source_width = source_width;
    a->source_height = source_height;
    a->out = out;
    a->out_width = out_width;
    a->out_height = out_height;
    a->out_stride = out_stride;
    a->row = -1;
    a->column_of = malloc(sizeof(uint32_t) * source_width);
    a->column_count = calloc((size_t)out_width, sizeof(uint32_t));
    a->sums = calloc((size_t)out_width * 4, sizeof(uint64_t));
    if (!a->column_of || !a->column_count || !a->sums) return 0;
    for (uint32_t x = 0; x < source_width; x++) {
        a->column_of[x] = (uint32_t)((uint64_t)x * (uint64_t)out_width / source_width);
        a->column_count[a->column_of[x]]++;
    }
    return 1;
}

static void averager_flush(averager *a) {
    if (a->row < 0 || a->rows_in == 0) return;
    uint32_t *target = (uint32_t *)(a->out + (size_t)a->row * (size_t)a->out_stride);
    for (int x = 0; x < a->out_width; x++) {
        uint64_t n = (uint64_t)a->column_count[x] * a->rows_in;
        uint64_t *s = a->sums + (size_t)x * 4;
        uint32_t r = (uint32_t)((s[0] + n / 2) / n), g = (uint32_t)((s[1] + n / 2) / n);
        uint32_t b = (uint32_t)((s[2] + n / 2) / n), alpha = (uint32_t)((s[3] + n / 2) / n);
        target[x] = alpha << 24 | r << 16 | g << 8 | b;
    }
    memset(a->sums, 0, sizeof(uint64_t) * 4 * (size_t)a->out_width);
    a->rows_in = 0;
}

// Adds source row `y`, RGBA with straight alpha, 4 bytes a pixel.
static void averager_add(averager *a, uint32_t y, const uint8_t *rgba) {
    int row = (int)((uint64_t)y * (uint64_t)a->out_height / a->source_height);
    if (row != a->row) {
        averager_flush(a);
        a->row = row;
    }
    for (uint32_t x = 0; x < a->source_width; x++) {
        const uint8_t *p = rgba + (size_t)x * 4;
        uint64_t *s = a->sums + (size_t)a->column_of[x] * 4;
        uint32_t alpha = p[3];
        if (alpha == 255) {
            s[0] += p[0]; s[1] += p[1]; s[2] += p[2];
        } else {
            s[0] += (p[0] * alpha + 127) / 255; s[1] += (p[1] * alpha + 127) / 255; s[2] += (p[2] * alpha + 127) / 255;
        }
        s[3] += alpha;
    }
    a->rows_in++;
}

static void averager_end(averager *a) {
    free(a->column_of);
    free(a->column_count);
    free(a->sums);
    a->column_of = NULL;
    a->column_count = NULL;
    a->sums = NULL;
}

// MARK: PNG

typedef struct {
    const uint8_t *data;
    size_t size, offset;
    char *message;
    size_t message_size;
    // Owned by the call, freed whether it ends normally or by longjmp.
    averager averager;
    uint8_t *row;
    uint8_t *whole;
    png_bytep *rows;
} png_call;

static void png_read_bytes(png_structp png, png_bytep buffer, png_size_t length) {
    png_call *call = png_get_io_ptr(png);
    if (length > call->size - call->offset) png_error(png, "the file ends before its image data does");
    memcpy(buffer, call->data + call->offset, length);
    call->offset += length;
}

static void png_failed(png_structp png, png_const_charp text) {
    png_call *call = png_get_error_ptr(png);
    set_message(call->message, call->message_size, text);
    png_longjmp(png, 1);
}

// Warnings are about ancillary chunks (colour profiles, text), which are not drawn.
static void png_warned(png_structp png, png_const_charp text) {
    (void)png;
    (void)text;
}

galley_scale_result galley_scale_png(const uint8_t *data, size_t size, uint32_t width, uint32_t height,
                                     uint8_t *out, int out_width, int out_height, int out_stride,
                                     size_t memory_limit, char *message, size_t message_size) {
    png_call *call = calloc(1, sizeof *call);
    if (!call) {
        set_message(message, message_size, "out of memory");
        return GALLEY_SCALE_FAILED;
    }
    call->data = data;
    call->size = size;
    call->message = message;
    call->message_size = message_size;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, call, png_failed, png_warned);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    volatile galley_scale_result result = GALLEY_SCALE_FAILED;
    if (!png || !info) {
        set_message(message, message_size, "libpng could not start");
        goto done;
    }
    if (setjmp(png_jmpbuf(png))) goto done;
    png_set_read_fn(png, call, png_read_bytes);
    png_read_info(png, info);
    if (png_get_image_width(png, info) != width || png_get_image_height(png, info) != height) {
        set_message(message, message_size, "its decoder found another size than its header declares");
        goto done;
    }
    // Every PNG as 8-bit RGBA: palettes and grey expanded, transparency as alpha, 16 bits scaled down.
    int colour = png_get_color_type(png, info);
    png_set_expand(png);
    png_set_scale_16(png);
    png_set_gray_to_rgb(png);
    if (!(colour & PNG_COLOR_MASK_ALPHA) && !png_get_valid(png, info, PNG_INFO_tRNS)) png_set_filler(png, 0xFF, PNG_FILLER_AFTER);
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != (size_t)width * 4) {
        set_message(message, message_size, "libpng did not give 8-bit RGBA rows");
        goto done;
    }
    if (!averager_start(&call->averager, width, height, out, out_width, out_height, out_stride)) {
        set_message(message, message_size, "the output size is not smaller than the image or memory ran out");
        goto done;
    }
    if (passes > 1) {
        // An interlaced PNG's rows are complete only after its last pass: it is decoded whole, within the limit.
        if ((uint64_t)width * 4 * height > memory_limit) {
            set_message(message, message_size, "an interlaced PNG is decoded whole before it is downsampled, which is over the limit");
            goto done;
        }
        call->whole = malloc((size_t)width * 4 * height);
        call->rows = malloc(sizeof(png_bytep) * height);
        if (!call->whole || !call->rows) {
            set_message(message, message_size, "out of memory");
            goto done;
        }
        for (uint32_t y = 0; y < height; y++) call->rows[y] = call->whole + (size_t)y * width * 4;
        png_read_image(png, call->rows);
        for (uint32_t y = 0; y < height; y++) averager_add(&call->averager, y, call->rows[y]);
    } else {
        call->row = malloc((size_t)width * 4);
        if (!call->row) {
            set_message(message, message_size, "out of memory");
            goto done;
        }
        for (uint32_t y = 0; y < height; y++) {
            png_read_row(png, call->row, NULL);
            averager_add(&call->averager, y, call->row);
        }
    }
    averager_flush(&call->averager);
    result = GALLEY_SCALE_DONE;
done:
    if (png) png_destroy_read_struct(&png, info ? &info : NULL, NULL);
    averager_end(&call->averager);
    free(call->row);
    free(call->whole);
    free(call->rows);
    free(call);
    return result;
}

// MARK: JPEG

typedef struct {
    struct jpeg_error_mgr manager;
    jmp_buf jump;
    char *message;
    size_t message_size;
    int warned;
} jpeg_errors;

typedef struct {
    struct jpeg_decompress_struct info;
    jpeg_errors errors;
    averager averager;
    uint8_t *row;
    uint8_t *rgba;
} jpeg_call;

static void jpeg_failed(j_common_ptr info) {
    jpeg_errors *errors = (jpeg_errors *)info->err;
    char text[JMSG_LENGTH_MAX];
    (*info->err->format_message)(info, text);
    set_message(errors->message, errors->message_size, text);
    longjmp(errors->jump, 1);
}

// libjpeg prints warnings (corrupt data, a premature end) on stderr; the first is kept to be reported instead.
static void jpeg_warned(j_common_ptr info) {
    jpeg_errors *errors = (jpeg_errors *)info->err;
    if (errors->warned) return;
    char text[JMSG_LENGTH_MAX];
    (*info->err->format_message)(info, text);
    set_message(errors->message, errors->message_size, text);
    errors->warned = 1;
}

int galley_jpeg_denominator(uint32_t width, uint32_t height, int out_width, int out_height) {
    for (int denominator = 8; denominator > 1; denominator /= 2) {
        if ((width + denominator - 1) / denominator >= (uint32_t)out_width && (height + denominator - 1) / denominator >= (uint32_t)out_height) {
            return denominator;
        }
    }
    return 1;
}

galley_scale_result galley_scale_jpeg(const uint8_t *data, size_t size, uint32_t width, uint32_t height,
                                      uint8_t *out, int out_width, int out_height, int out_stride,
                                      size_t memory_limit, char *message, size_t message_size) {
    jpeg_call *call = calloc(1, sizeof *call);
    if (!call) {
        set_message(message, message_size, "out of memory");
        return GALLEY_SCALE_FAILED;
    }
    volatile galley_scale_result result = GALLEY_SCALE_FAILED;
    call->info.err = jpeg_std_error(&call->errors.manager);
    call->errors.manager.error_exit = jpeg_failed;
    call->errors.manager.output_message = jpeg_warned;
    call->errors.message = message;
    call->errors.message_size = message_size;
    volatile int created = 0;
    if (setjmp(call->errors.jump)) goto done;
    jpeg_create_decompress(&call->info);
    created = 1;
    // Memory for the coefficients of a progressive or multi-scan JPEG counts against the limit; past it libjpeg
    // would need a backing store, which this build does not have, and stops with an error.
    call->info.mem->max_memory_to_use = (long)(memory_limit > (size_t)0x7fffffff ? 0x7fffffff : memory_limit);
    jpeg_mem_src(&call->info, (unsigned char *)data, (unsigned long)size);
    jpeg_read_header(&call->info, TRUE);
    if (call->info.image_width != width || call->info.image_height != height) {
        set_message(message, message_size, "its decoder found another size than its header declares");
        goto done;
    }
    call->info.scale_num = 1;
    call->info.scale_denom = (unsigned int)galley_jpeg_denominator(width, height, out_width, out_height);
    switch (call->info.jpeg_color_space) {
    case JCS_CMYK:
    case JCS_YCCK: call->info.out_color_space = JCS_CMYK; break;
    case JCS_GRAYSCALE: call->info.out_color_space = JCS_GRAYSCALE; break;
    default: call->info.out_color_space = JCS_RGB; break;
    }
    jpeg_start_decompress(&call->info);
    uint32_t decoded_width = call->info.output_width, decoded_height = call->info.output_height;
    int components = call->info.output_components;
    if (!averager_start(&call->averager, decoded_width, decoded_height, out, out_width, out_height, out_stride)) {
        set_message(message, message_size, "the output size is not smaller than the image or memory ran out");
        goto done;
    }
    call->row = malloc((size_t)decoded_width * (size_t)components);
    call->rgba = malloc((size_t)decoded_width * 4);
    if (!call->row || !call->rgba) {
        set_message(message, message_size, "out of memory");
        goto done;
    }
    // Adobe's CMYK JPEGs store inverted values; gdk-pixbuf and most viewers convert them the same way.
    int inverted = call->info.saw_Adobe_marker;
    while (call->info.output_scanline < decoded_height) {
        uint32_t y = call->info.output_scanline;
        JSAMPROW rows[1] = {call->row};
        if (jpeg_read_scanlines(&call->info, rows, 1) != 1) break;
        for (uint32_t x = 0; x < decoded_width; x++) {
            const uint8_t *p = call->row + (size_t)x * components;
            uint8_t *q = call->rgba + (size_t)x * 4;
            if (components == 1) {
                q[0] = q[1] = q[2] = p[0];
            } else if (components == 4) {
                unsigned c = p[0], m = p[1], yellow = p[2], k = p[3];
                if (inverted) {
                    q[0] = (uint8_t)(k * c / 255); q[1] = (uint8_t)(k * m / 255); q[2] = (uint8_t)(k * yellow / 255);
                } else {
                    q[0] = (uint8_t)((255 - k) * (255 - c) / 255); q[1] = (uint8_t)((255 - k) * (255 - m) / 255);
                    q[2] = (uint8_t)((255 - k) * (255 - yellow) / 255);
                }
            } else {
                q[0] = p[0]; q[1] = p[1]; q[2] = p[2];
            }
            q[3] = 255;
        }
        averager_add(&call->averager, y, call->rgba);
    }
    averager_flush(&call->averager);
    result = call->errors.warned ? GALLEY_SCALE_DAMAGED : GALLEY_SCALE_DONE;
done:
    if (created) jpeg_destroy_decompress(&call->info);
    averager_end(&call->averager);
    free(call->row);
    free(call->rgba);
    free(call);
    return result;
}
