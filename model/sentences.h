#pragma once
// The one table of sentence templates that turns trace events into English. The GUI passes
// the same templates through tr() before filling them, so translations follow this table.
//
// A template names event fields in braces: {subject}, {count}; a filter after a bar formats
// the value: {lag_ms|duration} ("1 min 30 s"), {healthy|health} ("healthy"/"unhealthy").

#include "trace.h"

#include <string>
#include <utility>
#include <vector>

namespace model {

// The key an event's template is filed under: its kind, or kind.fault_kind for faults.
std::string sentence_key(const Event &event);

// The English template for a key (a generic one if the key is unknown).
const char *sentence_template(const std::string &key);

// Every (key, template) pair, for translation catalogues and documentation.
const std::vector<std::pair<const char *, const char *>> &sentence_table();

// Fills a template with the event's subject and data fields.
std::string fill_sentence(const std::string &templ, const Event &event);

// English text of an event: fill_sentence(sentence_template(sentence_key(e)), e).
std::string sentence(const Event &event);

} // namespace model
