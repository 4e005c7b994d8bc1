#pragma once
// What the scenario_json*.cpp files share: a reader of numeric fields that takes each range from
// the field-spec table, and the reader of each component. Not part of the model's interface.

#include "cdn.h"
#include "field_spec.h"
#include "json_reader.h"
#include "scenario.h"

#include <cmath>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace model::scenario_json_detail {

// Reads a section's numeric fields with the ranges the field-spec table gives them; a field the
// table does not list, or lists with another type, is a mistake in the reader.
class FieldReader {
public:
    FieldReader(JsonReader &r, const char *section) : r_(r), section_(section) {}

    void integer(const char *key, int &out, bool required = false) {
        const FieldSpec &f = spec(key, FieldType::integer);
        r_.integer(key, out, static_cast<int>(f.min), static_cast<int>(f.max), required);
    }
    void number(const char *key, double &out, bool required = false) {
        const FieldSpec &f = spec(key, FieldType::number);
        r_.number(key, out, f.min, f.max, required);
    }
    void seconds(const char *key, Ms &out, bool required = false) {
        const FieldSpec &f = spec(key, FieldType::seconds);
        r_.seconds(key, out, ms(f.min), ms(f.max), required);
    }
    void optional_seconds(const char *key, std::optional<Ms> &out) {
        const FieldSpec &f = spec(key, FieldType::seconds);
        r_.optional_seconds(key, out, ms(f.min), ms(f.max));
    }
    void millis(const char *key, Ms &out, bool required = false) {
        const FieldSpec &f = spec(key, FieldType::millis);
        r_.millis(key, out, static_cast<Ms>(f.min), static_cast<Ms>(f.max), required);
    }

private:
    static Ms ms(double seconds) { return static_cast<Ms>(std::llround(seconds * 1000.0)); }
    const FieldSpec &spec(const char *key, FieldType type) const {
        const FieldSpec *f = find_field_spec(section_, key);
        if (!f || f->type != type || std::string_view(f->section) != section_)
            throw std::logic_error(std::string("no field spec of this type for ") + section_ + "/" +
                                   key);
        return *f;
    }

    JsonReader &r_;
    const char *section_;
};

// One component object, as in the scenario's arrays of them.
void read_region(JsonReader &r, Region &g);
void read_app_tier(JsonReader &r, AppTier &a);
void read_store(JsonReader &r, DataStore &d);
void read_database(JsonReader &r, Database &d);
void read_health_check(JsonReader &r, HealthCheck &h);
void read_dns(JsonReader &r, DnsName &n);
void read_accelerator(JsonReader &r, Accelerator &a);
void read_distribution(JsonReader &r, Distribution &d);
void read_population(JsonReader &r, Population &p);

} // namespace model::scenario_json_detail
