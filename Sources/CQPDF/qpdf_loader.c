// libqpdf, opened on first use (see CLibraryLoader). Only the functions Galley calls are defined here; a call to
// another one fails to link, which says to add it.
#include "CQPDF.h"
#include <CLibraryLoader.h>

// The soname Debian 12's libqpdf29 installs (qpdf 11), then the development link, for a newer qpdf.
static galley_library libqpdf = {PTHREAD_MUTEX_INITIALIZER, {"libqpdf.so.29", "libqpdf.so", 0}, 0, 0, {0}};

int galley_qpdf_load(void) { return galley_library_open(&libqpdf); }

const char *galley_qpdf_error(void) {
    galley_library_open(&libqpdf);
    return libqpdf.error;
}

#define LAZY(ret, name, params, args) GALLEY_DEFERRED(libqpdf, ret, name, params, args)
#define LAZY_VOID(name, params, args) GALLEY_DEFERRED_VOID(libqpdf, name, params, args)

LAZY_VOID(qpdf_cleanup, (qpdf_data* qpdf), (qpdf))
LAZY(qpdf_data, qpdf_init, (void), ())
LAZY(qpdf_error, qpdf_get_error, (qpdf_data qpdf), (qpdf))
LAZY(qpdf_error, qpdf_next_warning, (qpdf_data qpdf), (qpdf))
LAZY(unsigned char const*, qpdf_get_buffer, (qpdf_data qpdf), (qpdf))
LAZY(size_t, qpdf_get_buffer_length, (qpdf_data qpdf), (qpdf))
LAZY(char const*, qpdf_get_error_full_text, (qpdf_data q, qpdf_error e), (q, e))
LAZY(int, qpdf_get_num_pages, (qpdf_data qpdf), (qpdf))
LAZY(QPDF_BOOL, qpdf_has_error, (qpdf_data qpdf), (qpdf))
LAZY(QPDF_ERROR_CODE, qpdf_init_write_memory, (qpdf_data qpdf), (qpdf))
LAZY(QPDF_BOOL, qpdf_more_warnings, (qpdf_data qpdf), (qpdf))
LAZY(qpdf_oh, qpdf_get_object_by_id, (qpdf_data qpdf, int objid, int generation), (qpdf, objid, generation))
LAZY(qpdf_oh, qpdf_get_page_n, (qpdf_data qpdf, size_t zero_based_index), (qpdf, zero_based_index))
LAZY(qpdf_oh, qpdf_get_root, (qpdf_data qpdf), (qpdf))
LAZY(qpdf_oh, qpdf_get_trailer, (qpdf_data qpdf), (qpdf))
LAZY(qpdf_oh, qpdf_make_indirect_object, (qpdf_data qpdf, qpdf_oh oh), (qpdf, oh))
LAZY(qpdf_oh, qpdf_oh_get_array_item, (qpdf_data qpdf, qpdf_oh oh, int n), (qpdf, oh, n))
LAZY(qpdf_oh, qpdf_oh_get_dict, (qpdf_data qpdf, qpdf_oh oh), (qpdf, oh))
LAZY(qpdf_oh, qpdf_oh_get_key, (qpdf_data qpdf, qpdf_oh oh, char const* key), (qpdf, oh, key))
LAZY(qpdf_oh, qpdf_oh_new_array, (qpdf_data qpdf), (qpdf))
LAZY(qpdf_oh, qpdf_oh_new_binary_string, (qpdf_data qpdf, char const* str, size_t length), (qpdf, str, length))
LAZY(qpdf_oh, qpdf_oh_new_bool, (qpdf_data qpdf, QPDF_BOOL value), (qpdf, value))
LAZY(qpdf_oh, qpdf_oh_new_dictionary, (qpdf_data qpdf), (qpdf))
LAZY(qpdf_oh, qpdf_oh_new_integer, (qpdf_data qpdf, long long value), (qpdf, value))
LAZY(qpdf_oh, qpdf_oh_new_name, (qpdf_data qpdf, char const* name), (qpdf, name))
LAZY(qpdf_oh, qpdf_oh_new_null, (qpdf_data qpdf), (qpdf))
LAZY(qpdf_oh, qpdf_oh_new_stream, (qpdf_data qpdf), (qpdf))
LAZY(qpdf_oh, qpdf_oh_new_unicode_string, (qpdf_data qpdf, char const* utf8_str), (qpdf, utf8_str))
LAZY_VOID(qpdf_oh_append_item, (qpdf_data qpdf, qpdf_oh oh, qpdf_oh item), (qpdf, oh, item))
LAZY(int, qpdf_oh_get_array_n_items, (qpdf_data qpdf, qpdf_oh oh), (qpdf, oh))
LAZY(QPDF_ERROR_CODE, qpdf_oh_get_page_content_data, (qpdf_data qpdf, qpdf_oh page_oh, unsigned char** bufp, size_t* len), (qpdf, page_oh, bufp, len))
LAZY(QPDF_ERROR_CODE, qpdf_oh_get_stream_data, (qpdf_data qpdf, qpdf_oh stream_oh, enum qpdf_stream_decode_level_e decode_level, QPDF_BOOL* filtered, unsigned char** bufp, size_t* len), (qpdf, stream_oh, decode_level, filtered, bufp, len))
LAZY(QPDF_BOOL, qpdf_oh_get_value_as_longlong, (qpdf_data qpdf, qpdf_oh oh, long long* value), (qpdf, oh, value))
LAZY(QPDF_BOOL, qpdf_oh_get_value_as_name, (qpdf_data qpdf, qpdf_oh oh, char const** value, size_t* length), (qpdf, oh, value, length))
LAZY(QPDF_BOOL, qpdf_oh_get_value_as_utf8, (qpdf_data qpdf, qpdf_oh oh, char const** value, size_t* length), (qpdf, oh, value, length))
LAZY(QPDF_BOOL, qpdf_oh_has_key, (qpdf_data qpdf, qpdf_oh oh, char const* key), (qpdf, oh, key))
LAZY_VOID(qpdf_oh_insert_item, (qpdf_data qpdf, qpdf_oh oh, int at, qpdf_oh item), (qpdf, oh, at, item))
LAZY(QPDF_BOOL, qpdf_oh_is_array, (qpdf_data qpdf, qpdf_oh oh), (qpdf, oh))
LAZY(QPDF_BOOL, qpdf_oh_is_dictionary, (qpdf_data qpdf, qpdf_oh oh), (qpdf, oh))
LAZY(QPDF_BOOL, qpdf_oh_is_name_and_equals, (qpdf_data qpdf, qpdf_oh oh, char const* name), (qpdf, oh, name))
LAZY(QPDF_BOOL, qpdf_oh_is_null, (qpdf_data qpdf, qpdf_oh oh), (qpdf, oh))
LAZY(QPDF_BOOL, qpdf_oh_is_stream, (qpdf_data qpdf, qpdf_oh oh), (qpdf, oh))
LAZY_VOID(qpdf_oh_remove_key, (qpdf_data qpdf, qpdf_oh oh, char const* key), (qpdf, oh, key))
LAZY_VOID(qpdf_oh_replace_key, (qpdf_data qpdf, qpdf_oh oh, char const* key, qpdf_oh item), (qpdf, oh, key, item))
LAZY_VOID(qpdf_oh_replace_stream_data, (qpdf_data qpdf, qpdf_oh stream_oh, unsigned char const* buf, size_t len, qpdf_oh filter, qpdf_oh decode_parms), (qpdf, stream_oh, buf, len, filter, decode_parms))
LAZY(QPDF_ERROR_CODE, qpdf_read_memory, (qpdf_data qpdf, char const* description, char const* buffer, unsigned long long size, char const* password), (qpdf, description, buffer, size, password))
LAZY_VOID(qpdf_set_compress_streams, (qpdf_data qpdf, QPDF_BOOL value), (qpdf, value))
LAZY_VOID(qpdf_set_deterministic_ID, (qpdf_data qpdf, QPDF_BOOL value), (qpdf, value))
LAZY_VOID(qpdf_set_decode_level, (qpdf_data qpdf, enum qpdf_stream_decode_level_e level), (qpdf, level))
LAZY_VOID(qpdf_set_minimum_pdf_version, (qpdf_data qpdf, char const* version), (qpdf, version))
LAZY_VOID(qpdf_set_object_stream_mode, (qpdf_data qpdf, enum qpdf_object_stream_e mode), (qpdf, mode))
LAZY_VOID(qpdf_set_suppress_warnings, (qpdf_data qpdf, QPDF_BOOL value), (qpdf, value))
LAZY_VOID(qpdf_silence_errors, (qpdf_data qpdf), (qpdf))
LAZY(QPDF_ERROR_CODE, qpdf_write, (qpdf_data qpdf), (qpdf))
