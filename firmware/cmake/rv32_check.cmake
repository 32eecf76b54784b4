# Compiles every core source for rv32imc, freestanding, no exceptions or RTTI, warnings as errors.
file(MAKE_DIRECTORY ${OUT})
foreach(src ${SOURCES})
  get_filename_component(name ${src} NAME_WE)
  execute_process(
    COMMAND ${CXX} -std=c++17 -march=rv32imc -mabi=ilp32 -ffreestanding -fno-exceptions -fno-rtti
            -Os -Wall -Wextra -Werror -I${INCLUDE} -c ${src} -o ${OUT}/${name}.o
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "core source ${src} does not compile for rv32imc")
  endif()
  message(STATUS "rv32imc: ${name}.o")
endforeach()
