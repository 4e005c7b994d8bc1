#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include "seed_listener.h"

using testing::SeedListener;
CATCH_REGISTER_LISTENER(SeedListener)
