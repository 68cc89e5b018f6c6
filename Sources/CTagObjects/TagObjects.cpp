// Binary objects in tags (see include/CTagObjects.h): GEOB frames and Vorbis comment fields, read
// and written with TagLib's C++ classes for each container.
#include "CTagObjects.h"

#include <cstdlib>
#include <cstring>
#include <memory>

#include <taglib/aifffile.h>
#include <taglib/flacfile.h>
#include <taglib/generalencapsulatedobjectframe.h>
#include <taglib/id3v2tag.h>
#include <taglib/id3v2header.h>
#include <taglib/mpegfile.h>
#include <taglib/wavfile.h>
#include <taglib/xiphcomment.h>

namespace {

using GEOB = TagLib::ID3v2::GeneralEncapsulatedObjectFrame;

/// An opened file with an ID3v2 tag, whichever container holds it.
struct ID3File {
    std::unique_ptr<TagLib::File> file;
    TagLib::ID3v2::Tag *tag = nullptr;
};

/// Opens `path` as `container`, with its audio properties read, so that a write can refuse a
/// file in which TagLib finds no audio.
ID3File openID3(const char *path, SegueTagContainer container, bool create) {
    ID3File opened;
    switch (container) {
    case SEGUE_TAG_CONTAINER_MP3: {
        auto *file = new TagLib::MPEG::File(path, true);
        opened.file.reset(file);
        if (file->isValid()) opened.tag = file->ID3v2Tag(create);
        break;
    }
    case SEGUE_TAG_CONTAINER_AIFF: {
        auto *file = new TagLib::RIFF::AIFF::File(path, true);
        opened.file.reset(file);
        if (file->isValid()) opened.tag = file->tag();
        break;
    }
    case SEGUE_TAG_CONTAINER_WAV: {
        auto *file = new TagLib::RIFF::WAV::File(path, true);
        opened.file.reset(file);
        if (file->isValid()) opened.tag = file->ID3v2Tag();
        break;
    }
    default:
        break;
    }
    return opened;
}

GEOB *findGEOB(TagLib::ID3v2::Tag *tag, const char *description) {
    const TagLib::String wanted(description, TagLib::String::UTF8);
    for (auto *frame : tag->frameList("GEOB")) {
        auto *object = dynamic_cast<GEOB *>(frame);
        if (object != nullptr && object->description() == wanted) return object;
    }
    return nullptr;
}

/// True when TagLib found audio in the file (a length), not only a tag.
bool hasAudio(const TagLib::File &file) {
    return file.isValid() && file.audioProperties() != nullptr && file.audioProperties()->lengthInMilliseconds() > 0;
}

bool isID3Container(SegueTagContainer container) {
    return container == SEGUE_TAG_CONTAINER_MP3 || container == SEGUE_TAG_CONTAINER_AIFF || container == SEGUE_TAG_CONTAINER_WAV;
}

}  // namespace

extern "C" SegueTagStatus segue_tag_read_geob(const char *path, SegueTagContainer container, const char *description,
                                              unsigned char **data, size_t *length) {
    *data = nullptr;
    *length = 0;
    if (!isID3Container(container)) return SEGUE_TAG_UNSUPPORTED;
    ID3File opened = openID3(path, container, false);
    if (!opened.file || !opened.file->isValid()) return SEGUE_TAG_UNREADABLE;
    if (opened.tag == nullptr) return SEGUE_TAG_ABSENT;
    GEOB *frame = findGEOB(opened.tag, description);
    if (frame == nullptr) return SEGUE_TAG_ABSENT;
    const TagLib::ByteVector object = frame->object();
    *data = static_cast<unsigned char *>(std::malloc(object.size() > 0 ? object.size() : 1));
    if (*data == nullptr) return SEGUE_TAG_UNREADABLE;
    std::memcpy(*data, object.data(), object.size());
    *length = object.size();
    return SEGUE_TAG_OK;
}

extern "C" SegueTagStatus segue_tag_write_geob(const char *path, SegueTagContainer container, const char *description,
                                               const char *mimeType, const unsigned char *data, size_t length) {
    if (!isID3Container(container)) return SEGUE_TAG_UNSUPPORTED;
    ID3File opened = openID3(path, container, true);
    if (!opened.file || !hasAudio(*opened.file)) return SEGUE_TAG_UNREADABLE;
    if (opened.tag == nullptr || opened.file->readOnly()) return SEGUE_TAG_UNWRITABLE;
    const bool hadTag = opened.tag->header()->tagSize() > 0;
    const TagLib::ID3v2::Version version =
        hadTag && opened.tag->header()->majorVersion() == 3 ? TagLib::ID3v2::v3 : TagLib::ID3v2::v4;
    GEOB *frame = findGEOB(opened.tag, description);
    if (frame == nullptr) {
        frame = new GEOB();
        frame->setDescription(TagLib::String(description, TagLib::String::UTF8));
        opened.tag->addFrame(frame);  // the tag owns it
    }
    frame->setTextEncoding(TagLib::String::Latin1);
    frame->setMimeType(TagLib::String(mimeType, TagLib::String::Latin1));
    frame->setFileName(TagLib::String());
    frame->setObject(TagLib::ByteVector(reinterpret_cast<const char *>(data), static_cast<unsigned int>(length)));
    bool saved = false;
    switch (container) {
    case SEGUE_TAG_CONTAINER_MP3:
        saved = static_cast<TagLib::MPEG::File *>(opened.file.get())
                    ->save(TagLib::MPEG::File::ID3v2, TagLib::File::StripNone, version, TagLib::File::DoNotDuplicate);
        break;
    case SEGUE_TAG_CONTAINER_AIFF:
        saved = static_cast<TagLib::RIFF::AIFF::File *>(opened.file.get())->save(version);
        break;
    case SEGUE_TAG_CONTAINER_WAV:
        saved = static_cast<TagLib::RIFF::WAV::File *>(opened.file.get())
                    ->save(TagLib::RIFF::WAV::File::AllTags, TagLib::File::StripNone, version);
        break;
    default:
        break;
    }
    return saved ? SEGUE_TAG_OK : SEGUE_TAG_UNWRITABLE;
}

extern "C" SegueTagStatus segue_tag_read_comment_field(const char *path, SegueTagContainer container, const char *field, char **value) {
    *value = nullptr;
    if (container != SEGUE_TAG_CONTAINER_FLAC) return SEGUE_TAG_UNSUPPORTED;
    TagLib::FLAC::File file(path, false);
    if (!file.isValid()) return SEGUE_TAG_UNREADABLE;
    if (!file.hasXiphComment()) return SEGUE_TAG_ABSENT;
    const auto fields = file.xiphComment()->fieldListMap();
    const auto found = fields.find(TagLib::String(field, TagLib::String::UTF8).upper());
    if (found == fields.end() || found->second.isEmpty()) return SEGUE_TAG_ABSENT;
    const std::string text = found->second.front().to8Bit(true);
    *value = static_cast<char *>(std::malloc(text.size() + 1));
    if (*value == nullptr) return SEGUE_TAG_UNREADABLE;
    std::memcpy(*value, text.c_str(), text.size() + 1);
    return SEGUE_TAG_OK;
}

extern "C" SegueTagStatus segue_tag_write_comment_field(const char *path, SegueTagContainer container, const char *field, const char *value) {
    if (container != SEGUE_TAG_CONTAINER_FLAC) return SEGUE_TAG_UNSUPPORTED;
    TagLib::FLAC::File file(path, true);
    if (!hasAudio(file)) return SEGUE_TAG_UNREADABLE;
    if (file.readOnly()) return SEGUE_TAG_UNWRITABLE;
    file.xiphComment(true)->addField(TagLib::String(field, TagLib::String::UTF8), TagLib::String(value, TagLib::String::UTF8), true);
    return file.save() ? SEGUE_TAG_OK : SEGUE_TAG_UNWRITABLE;
}

extern "C" void segue_tag_free(void *pointer) { std::free(pointer); }
