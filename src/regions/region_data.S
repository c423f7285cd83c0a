// The generated region table (regions.tsv) and pinyin reading table (region_initials.tsv, see
// CMakeLists.txt) as read-only bytes, each followed by a NUL so the C++ side may treat it as a C
// string too. SHANHAI_REGIONS_TSV and SHANHAI_REGION_INITIALS_TSV are the quoted paths.
    .section .rodata.shanhai_regions, "a"
    .balign 16
    .global shanhai_regions_tsv_begin
    .hidden shanhai_regions_tsv_begin
    .type shanhai_regions_tsv_begin, @object
shanhai_regions_tsv_begin:
    .incbin SHANHAI_REGIONS_TSV
    .global shanhai_regions_tsv_end
    .hidden shanhai_regions_tsv_end
shanhai_regions_tsv_end:
    .byte 0
    .size shanhai_regions_tsv_begin, . - shanhai_regions_tsv_begin

    .balign 16
    .global shanhai_region_initials_tsv_begin
    .hidden shanhai_region_initials_tsv_begin
    .type shanhai_region_initials_tsv_begin, @object
shanhai_region_initials_tsv_begin:
    .incbin SHANHAI_REGION_INITIALS_TSV
    .global shanhai_region_initials_tsv_end
    .hidden shanhai_region_initials_tsv_end
shanhai_region_initials_tsv_end:
    .byte 0
    .size shanhai_region_initials_tsv_begin, . - shanhai_region_initials_tsv_begin
    .section .note.GNU-stack, "", @progbits
