#ifndef SEGUE_CTAGOBJECTS_H
#define SEGUE_CTAGOBJECTS_H

/* Binary objects inside audio files' tags, through TagLib's C++ API (its C API has none): ID3v2
   GEOB frames (general encapsulated objects) in MP3, AIFF and WAV, and Vorbis comment fields in
   FLAC. The caller serialises access (TagLib keeps global state). */

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The container a file is read or written as. */
typedef enum {
    SEGUE_TAG_CONTAINER_MP3 = 0,
    SEGUE_TAG_CONTAINER_AIFF = 1,
    SEGUE_TAG_CONTAINER_WAV = 2,
    SEGUE_TAG_CONTAINER_FLAC = 3
} SegueTagContainer;

/** What a call did. */
typedef enum {
    SEGUE_TAG_OK = 0,
    SEGUE_TAG_ABSENT = 1,
    SEGUE_TAG_UNREADABLE = -1,
    SEGUE_TAG_UNSUPPORTED = -2,
    SEGUE_TAG_UNWRITABLE = -3
} SegueTagStatus;

/** Reads the GEOB frame whose description is `description` (MP3, AIFF, WAV) into a buffer the
    caller frees with `segue_tag_free`. */
SegueTagStatus segue_tag_read_geob(const char *path, SegueTagContainer container, const char *description,
                                   unsigned char **data, size_t *length);

/** Replaces (or adds) the GEOB frame whose description is `description`, keeping every other frame
    and the tag's ID3v2 version (2.3 or 2.4; 2.4 for a new tag), and saves the file; refuses (UNREADABLE)
    a file in which TagLib finds no audio. */
SegueTagStatus segue_tag_write_geob(const char *path, SegueTagContainer container, const char *description,
                                    const char *mimeType, const unsigned char *data, size_t length);

/** Reads the first value of the Vorbis comment field `field` (FLAC) as UTF-8, into a buffer the
    caller frees with `segue_tag_free`. */
SegueTagStatus segue_tag_read_comment_field(const char *path, SegueTagContainer container, const char *field, char **value);

/** Sets the Vorbis comment field `field` (FLAC) to `value` (UTF-8), replacing its old values, and
    saves the file. */
SegueTagStatus segue_tag_write_comment_field(const char *path, SegueTagContainer container, const char *field, const char *value);

/** Frees a buffer returned by a read. */
void segue_tag_free(void *pointer);

#ifdef __cplusplus
}
#endif

#endif
