# One interface target carries the project's warning and sanitizer flags to every target.
add_library(kindest_flags INTERFACE)
target_compile_options(kindest_flags INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                                -Wno-sign-conversion
                                                # GCC 12 false positive on std::string concatenation at -O3 (GCC PR 105329)
                                                -Wno-restrict)
if(KINDEST_WERROR)
  target_compile_options(kindest_flags INTERFACE -Werror)
endif()
if(KINDEST_SANITIZE STREQUAL "address")
  target_compile_options(kindest_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(kindest_flags INTERFACE -fsanitize=address,undefined)
elseif(KINDEST_SANITIZE STREQUAL "thread")
  target_compile_options(kindest_flags INTERFACE -fsanitize=thread)
  target_link_options(kindest_flags INTERFACE -fsanitize=thread)
elseif(NOT KINDEST_SANITIZE STREQUAL "")
  message(FATAL_ERROR "KINDEST_SANITIZE must be address, thread or empty, not '${KINDEST_SANITIZE}'")
endif()
