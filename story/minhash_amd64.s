//go:build !purego

#include "textflag.h"

// MIX lowers the minima of eight permutations, min, to the hashes under
// them of the shingle broadcast in Z29: mix64(shingle^seed), the seeds in
// seed, with t and u for scratch. Z30 and Z31 hold mix64's multipliers.
#define MIX(seed, min, t, u) \
	VPXORQ  seed, Z29, t; \
	VPSRLQ  $30, t, u;    \
	VPXORQ  u, t, t;      \
	VPMULLQ Z30, t, t;    \
	VPSRLQ  $27, t, u;    \
	VPXORQ  u, t, t;      \
	VPMULLQ Z31, t, t;    \
	VPSRLQ  $31, t, u;    \
	VPXORQ  u, t, t;      \
	VPMINUQ t, min, min

// func minima64AVX512(m *[64]uint64, seeds *[64]uint64, shingles []uint64)
TEXT ·minima64AVX512(SB), NOSPLIT, $0-40
	MOVQ m+0(FP), DI
	MOVQ seeds+8(FP), SI
	MOVQ shingles_base+16(FP), BX
	MOVQ shingles_len+24(FP), CX

	VMOVDQU64 0(DI), Z0
	VMOVDQU64 64(DI), Z1
	VMOVDQU64 128(DI), Z2
	VMOVDQU64 192(DI), Z3
	VMOVDQU64 256(DI), Z4
	VMOVDQU64 320(DI), Z5
	VMOVDQU64 384(DI), Z6
	VMOVDQU64 448(DI), Z7

	VMOVDQU64 0(SI), Z8
	VMOVDQU64 64(SI), Z9
	VMOVDQU64 128(SI), Z10
	VMOVDQU64 192(SI), Z11
	VMOVDQU64 256(SI), Z12
	VMOVDQU64 320(SI), Z13
	VMOVDQU64 384(SI), Z14
	VMOVDQU64 448(SI), Z15

	MOVQ         $0xbf58476d1ce4e5b9, AX
	VPBROADCASTQ AX, Z30
	MOVQ         $0x94d049bb133111eb, AX
	VPBROADCASTQ AX, Z31

	TESTQ CX, CX
	JZ    done

loop:
	VPBROADCASTQ (BX), Z29
	MIX(Z8, Z0, Z16, Z17)
	MIX(Z9, Z1, Z18, Z19)
	MIX(Z10, Z2, Z20, Z21)
	MIX(Z11, Z3, Z22, Z23)
	MIX(Z12, Z4, Z24, Z25)
	MIX(Z13, Z5, Z26, Z27)
	MIX(Z14, Z6, Z16, Z17)
	MIX(Z15, Z7, Z18, Z19)
	ADDQ $8, BX
	DECQ CX
	JNZ  loop

done:
	VMOVDQU64 Z0, 0(DI)
	VMOVDQU64 Z1, 64(DI)
	VMOVDQU64 Z2, 128(DI)
	VMOVDQU64 Z3, 192(DI)
	VMOVDQU64 Z4, 256(DI)
	VMOVDQU64 Z5, 320(DI)
	VMOVDQU64 Z6, 384(DI)
	VMOVDQU64 Z7, 448(DI)
	VZEROUPPER
	RET
